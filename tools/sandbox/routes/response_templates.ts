import { notFound, ok, paged, param, type Route } from '../http';
import { formatInstant } from '../shapes';
import type { ResponseTemplate, StaffUser, Store } from '../store';

/**
 * GET /response_templates (`q` matches name or body, any case; sorted by name) and
 * GET /response_templates/{id}. Each user sees the brand's templates and their own personal ones.
 */

function visibleTo(store: Store, user: StaffUser): ResponseTemplate[] {
  return store.responseTemplates.filter(
    (template) => template.personalOf === null || template.personalOf === user.email,
  );
}

function templateShape(template: ResponseTemplate): Record<string, unknown> {
  return {
    id: template.id,
    name: template.name,
    body: template.body,
    is_personal: template.personalOf === null ? 0 : 1,
    response_template_group: template.group,
    created_at: formatInstant(template.createdAt),
  };
}

const routes: Route[] = [
  {
    method: 'GET',
    path: '/response_templates',
    handle: ({ store, query, user }) => {
      const q = param(query, 'q')?.toLowerCase();
      const templates = visibleTo(store, user)
        .filter(
          (t) =>
            q === undefined || t.name.toLowerCase().includes(q) || t.body.toLowerCase().includes(q),
        )
        .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
      return paged(query, 'response_templates', templates, templateShape);
    },
  },
  {
    method: 'GET',
    path: '/response_templates/:id',
    handle: ({ store, params, user }) => {
      const template = visibleTo(store, user).find((t) => String(t.id) === params.id);
      return template ? ok(templateShape(template)) : notFound();
    },
  },
];

export default routes;
