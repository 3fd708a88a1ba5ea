/**
 * The playground: a free sandbox — a blank manifest, the terminal and a cluster of its own, with
 * the whole workspace (clock, editor, timeline, logs, diagram, files).
 */
import { Layout } from '../Layout';
import { Workspace } from '../workspace/Workspace';

export function Playground() {
  return (
    <Layout workspace>
      <Workspace engineKey="playground" docKey="playground" initialText="" heading={<h1 className="workspace-title">Playground</h1>} />
    </Layout>
  );
}
