import { HttpProblem } from '../problem/http-problem.js';
import type { HttpMethod, Route } from './route.js';

/** A route table compiled for matching. @internal */
export interface RouteMatcher {
  /** The route for a method and a path under `basePath`, with its decoded parameters; HEAD finds the GET route. */
  match(method: string, path: string): { route: Route; params: Record<string, string> };
}

interface Compiled {
  readonly route: Route;
  readonly segments: readonly string[];
  /** How many literal segments: a literal beats a parameter (`/invitations/accept`). */
  readonly literals: number;
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Compiles a table; two routes with the same method and path are a mistake, refused here. @internal */
export function compileRoutes(routes: readonly Route[]): RouteMatcher {
  const compiled: Compiled[] = [];
  const seen = new Set<string>();
  for (const route of routes) {
    const segments = split(route.path);
    const key = `${route.method} /${segments.map((s) => (isParam(s) ? '{}' : s)).join('/')}`;
    if (seen.has(key)) throw new TypeError(`Two routes for ${route.method} ${route.path}`);
    seen.add(key);
    compiled.push({ route, segments, literals: segments.filter((s) => !isParam(s)).length });
  }
  compiled.sort((a, b) => b.literals - a.literals);
  return {
    match(method, path) {
      const parts = split(path);
      const allowed = new Set<HttpMethod | 'HEAD'>();
      const wanted = method === 'HEAD' ? 'GET' : method;
      for (const candidate of compiled) {
        const params = bind(candidate.segments, parts);
        if (params === undefined) continue;
        if (candidate.route.method === wanted) return { route: candidate.route, params };
        allowed.add(candidate.route.method);
        if (candidate.route.method === 'GET') allowed.add('HEAD');
      }
      if (allowed.size === 0) throw new HttpProblem('ROUTE_NOT_FOUND', `No route is ${path}.`);
      const allow = [...allowed].sort().join(', ');
      throw new HttpProblem(
        'METHOD_NOT_ALLOWED',
        `${path} takes ${allow}, not ${method}.`,
        { allowed: [...allowed].sort() },
        { allow },
      );
    },
  };
}

function bind(
  segments: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index] ?? '';
    if (isParam(segment)) {
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        return undefined;
      }
      params[segment.slice(1, -1)] = value;
    } else if (segment !== part) return undefined;
  }
  return params;
}
