import { notFound, ok, paged, param, type Route } from '../http';
import { formatInstant } from '../shapes';
import type { ResponseTemplate, StaffUser, Store } from '../store';

/**
 * GET /response_templates (`q` matches name or body, any case; sorted by name; 30 a page by
 * `page`) and GET /response_templates/{id}. Each user sees the brand's templates and their own
 * personal ones. The documented answer (https://www.reamaze.com/api/get_response_templates) is
 * `{"response_templates": […]}` alone: no page counters, and no `is_personal`, which is only
 * written.
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
      const { response_templates: items } = paged(
        query,
        'response_templates',
        templates,
        templateShape,
      ).body as Record<string, unknown>;
      return ok({ response_templates: items });
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
