// Routes (wouter): the course index, the lesson player, the playground and the embed route. Each
// route is its own chunk so the entry stays small (the editor, terminal and engine load later
// still); the page's frame paints at once. The preview and dev servers fall back to index.html
// for these paths (Vite's SPA fallback).
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Layout } from './Layout';

const Home = lazy(() => import('./home/Home').then((m) => ({ default: m.Home })));
/** Workspace routes fetch the editor (the largest chunk) alongside the route, not after it. */
const withEditor = <T,>(route: Promise<T>): Promise<T> => {
  void import('./editor/MonacoEditor');
  return route;
};
const Playground = lazy(() => withEditor(import('./playground/Playground')).then((m) => ({ default: m.Playground })));
const LessonRoute = lazy(() => withEditor(import('./workspace/LessonRoute')).then((m) => ({ default: m.LessonRoute })));
const EmbedRoute = lazy(() => withEditor(import('./workspace/EmbedRoute')).then((m) => ({ default: m.EmbedRoute })));
const NotFound = lazy(() => import('./home/NotFound').then((m) => ({ default: m.NotFound })));

function Loading({ chrome = true }: { chrome?: boolean }) {
  const status = (
    <p role="status" className="route-loading">
      Loading…
    </p>
  );
  return chrome ? <Layout>{status}</Layout> : <main id="main">{status}</main>;
}

export function App() {
  return (
    <Switch>
      <Route path="/">
        <Suspense fallback={<Loading />}>
          <Home />
        </Suspense>
      </Route>
      <Route path="/playground">
        <Suspense fallback={<Loading />}>
          <Playground />
        </Suspense>
      </Route>
      <Route path="/lessons/:slug/:step?">
        {(p) => (
          <Suspense fallback={<Loading />}>
            <LessonRoute slug={p.slug} step={p.step} />
          </Suspense>
        )}
      </Route>
      <Route path="/embed/:slug">
        {(p) => (
          <Suspense fallback={<Loading chrome={false} />}>
            <EmbedRoute slug={p.slug} />
          </Suspense>
        )}
      </Route>
      <Route>
        <Suspense fallback={<Loading />}>
          <NotFound />
        </Suspense>
      </Route>
    </Switch>
  );
}
