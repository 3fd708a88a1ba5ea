/**
 * `/embed/:slug`: the lesson workspace without the site's header, for instructors' pages (iframes).
 * Reserved for a later issue that adds embed options; today it renders the workspace and nothing more.
 */
import { LessonWorkspace } from './LessonRoute';

export function EmbedRoute({ slug }: { slug: string }) {
  return <LessonWorkspace slug={slug} chrome={false} />;
}
