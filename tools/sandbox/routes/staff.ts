import { paged, type Route } from '../http';
import { staffShape } from '../shapes';

/**
 * GET /staff. Documented as "sorted by created_at" without a direction; oldest first (the team
 * in the order it was built) is the reading chosen here.
 */
const routes: Route[] = [
  {
    method: 'GET',
    path: '/staff',
    handle: ({ store, query }) =>
      paged(
        query,
        'staff',
        [...store.staff].sort((a, b) => a.createdAt - b.createdAt),
        staffShape,
      ),
  },
];

export default routes;
