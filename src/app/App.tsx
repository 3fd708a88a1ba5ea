// Routes by path: `/playground` is the playground, everything else the home page. Plain links and
// full page loads are enough for two pages; a router arrives with the lesson views.
import { Home } from './home/Home';
import { Playground } from './playground/Playground';

export function App() {
  const path = window.location.pathname.replace(/\/+$/, '');
  if (path === '/playground') return <Playground />;
  return <Home />;
}
