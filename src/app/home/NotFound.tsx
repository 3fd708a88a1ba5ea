import { Link } from 'wouter';
import { Layout } from '../Layout';

export function NotFound() {
  return (
    <Layout>
      <h1>Page not found</h1>
      <p>
        There is nothing at <code>{window.location.pathname}</code>. Go to the <Link href="/">lessons</Link> or the{' '}
        <Link href="/playground">playground</Link>.
      </p>
    </Layout>
  );
}
