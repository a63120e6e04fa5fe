/** The brand's status page in the sandbox: systems (components) and incidents with their updates. */

export interface StatusSystem {
  id: string;
  title: string;
  status: string;
  createdAt: number;
  updatedAt: number;
}

export interface IncidentUpdate {
  id: string;
  status: string;
  message: string;
  createdAt: number;
}

export interface IncidentSystem {
  id: string;
  systemId: string;
  status: string;
}

export interface Incident {
  id: string;
  title: string;
  status: string;
  createdAt: number;
  updatedAt: number;
  updates: IncidentUpdate[];
  systems: IncidentSystem[];
}

export interface IncidentChanges {
  title?: string;
  updates?: { status: string; message: string }[];
  /** With `id`: changes that link's status; without: links another system. */
  systems?: { id?: string; systemId: string; status: string }[];
}

export class StatusPage {
  readonly systems: StatusSystem[] = [];
  readonly incidents: Incident[] = [];
  private nextId = 9_101;

  constructor(private readonly now: () => number) {}

  private id(): string {
    return String(this.nextId++);
  }

  addSystem(input: { title: string; status?: string; createdAt?: number }): StatusSystem {
    const at = input.createdAt ?? this.now();
    const system: StatusSystem = {
      id: String(410 + this.systems.length),
      title: input.title,
      status: input.status ?? 'operational',
      createdAt: at,
      updatedAt: at,
    };
    this.systems.push(system);
    return system;
  }

  system(id: string): StatusSystem | undefined {
    return this.systems.find((system) => system.id === id);
  }

  incident(id: string): Incident | undefined {
    return this.incidents.find((incident) => incident.id === id);
  }

  addIncident(title: string, changes: IncidentChanges, at = this.now()): Incident {
    const incident: Incident = {
      id: String(5_310 + this.incidents.length),
      title,
      status: 'investigating',
      createdAt: at,
      updatedAt: at,
      updates: [],
      systems: [],
    };
    this.incidents.push(incident);
    return this.updateIncident(incident.id, changes, at);
  }

  /** Applies nested attributes as Rails does; the incident takes its newest update's status. */
  updateIncident(id: string, changes: IncidentChanges, at = this.now()): Incident {
    const incident = this.incident(id);
    if (!incident) throw new Error(`no incident ${id}`);
    if (changes.title !== undefined) incident.title = changes.title;
    for (const update of changes.updates ?? []) {
      incident.updates.push({ id: this.id(), ...update, createdAt: at });
      incident.status = update.status;
    }
    for (const link of changes.systems ?? []) {
      const existing = link.id ? incident.systems.find((s) => s.id === link.id) : undefined;
      if (existing) existing.status = link.status;
      else incident.systems.push({ id: this.id(), systemId: link.systemId, status: link.status });
      const system = this.system(link.systemId);
      if (system) Object.assign(system, { status: link.status, updatedAt: at });
    }
    incident.updatedAt = at;
    return incident;
  }
}
