import type { EmulatorContext, EmulatorRequest, Handler } from './context.js';
import { genericHandlers, listItems } from './crud.js';
import type { ListScope } from './list-engine.js';
import type { Rec } from './store.js';

const PROJECTS = '/api/v2/projects';

/** Usernames a project is shared with, kept on the project so lists need not open its children. */
export const SHARED_WITH = '__shared_with';

function sharedWith(project: Rec): string[] {
  const list = project[SHARED_WITH];
  return Array.isArray(list) ? (list as string[]) : [];
}

/**
 * ListProjects as the spec describes its flags: by default the caller's own projects and
 * those shared with them; `include_public_projects=true` adds every project they can see
 * (public and organization ones); `include_all_projects=true` is everything for a site
 * admin and the same as include_public_projects for anyone else.
 */
function projectScope(ctx: EmulatorContext, query: URLSearchParams): ListScope | undefined {
  const me = ctx.user.username;
  const all = query.get('include_all_projects') === 'true';
  if (all && ctx.userIsSiteAdmin) return undefined;
  const mine = (rec: Rec) => (rec.owner as Rec | undefined)?.username === me || sharedWith(rec).includes(me);
  if (all || query.get('include_public_projects') === 'true')
    return { name: `visible:${me}`, keep: (rec) => mine(rec) || rec.visibility !== 'private' };
  return { name: `mine:${me}`, keep: mine };
}

export const listProjects: Handler = (ctx, req) => listItems(ctx, req, projectScope(ctx, req.query));

/** Keeps the project's note of collaborators in step with a PUT or DELETE of one. */
function tracking(handler: Handler, add: boolean): Handler {
  return (ctx, req: EmulatorRequest) => {
    const reply = handler(ctx, req);
    const project = ctx.store.get(PROJECTS, req.params.project_id ?? '');
    const username = req.params.username ?? '';
    if (project) {
      const others = sharedWith(project).filter((u) => u !== username);
      project[SHARED_WITH] = add ? [...others, username] : others;
      ctx.store.touchItem(PROJECTS);
    }
    return reply;
  };
}

export const addProjectCollaborator = tracking(genericHandlers.upsert, true);
export const deleteProjectCollaborator = tracking(genericHandlers.delete, false);
