import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, session } from './api.js';
import { ProblemBox } from './ui.jsx';
import { AccessKeys } from './pages/AccessKeys.jsx';
import { ProviderKeys } from './pages/ProviderKeys.jsx';
import { Configurations } from './pages/Configurations.jsx';
import { Catalog } from './pages/Catalog.jsx';
import { Usage } from './pages/Usage.jsx';
import { Requests } from './pages/Requests.jsx';
import { Health } from './pages/Health.jsx';
import './style.css';

const PAGES = [
  ['access-keys', 'Access keys', AccessKeys],
  ['provider-keys', 'Provider keys', ProviderKeys],
  ['configurations', 'Configurations', Configurations],
  ['catalog', 'Catalog', Catalog],
  ['usage', 'Usage', Usage],
  ['requests', 'Requests', Requests],
  ['health', 'Health', Health],
];

const currentPage = () => {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0];
  return PAGES.find(([id]) => id === name) || PAGES[0];
};

function Login({ onLogin, reason }) {
  const [error, setError] = useState(null);
  const submit = async (event) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('token').trim();
    session.login(value);
    try {
      await api('GET', '/admin/v1/access-keys?limit=1');
      onLogin();
    } catch (e) {
      session.logout();
      setError(e);
    }
  };
  return (
    <main class="login">
      <h1>AIGW console</h1>
      <form onSubmit={submit} aria-label="Log in">
        <label for="token">Admin token</label>
        <input id="token" name="token" type="password" autocomplete="off" required autoFocus />
        <p class="hint">Kept in this tab's memory only: a reload logs you out.</p>
        <button type="submit">Log in</button>
      </form>
      {reason && <p role="status">{reason}</p>}
      <ProblemBox error={error} />
    </main>
  );
}

function App() {
  const [loggedIn, setLoggedIn] = useState(false);
  const [reason, setReason] = useState(null);
  const [page, setPage] = useState(currentPage());
  useEffect(() => {
    const onHash = () => setPage(currentPage());
    addEventListener('hashchange', onHash);
    session.onExpired(() => {
      session.logout();
      setReason('The admin token was refused: log in again.');
      setLoggedIn(false);
    });
    return () => removeEventListener('hashchange', onHash);
  }, []);
  if (!loggedIn) return <Login onLogin={() => { setReason(null); setLoggedIn(true); }} reason={reason} />;
  const [id, title, Page] = page;
  return (
    <div class="shell">
      <a class="skip" href="#main">Skip to content</a>
      <header>
        <span class="brand">AIGW</span>
        <nav aria-label="Sections">
          <ul>
            {PAGES.map(([pid, label]) => (
              <li><a href={`#/${pid}`} aria-current={pid === id ? 'page' : undefined}>{label}</a></li>
            ))}
          </ul>
        </nav>
        <button type="button" class="logout" onClick={() => { session.logout(); setLoggedIn(false); }}>Log out</button>
      </header>
      <main id="main" tabIndex={-1}>
        <h1>{title}</h1>
        <Page key={id} />
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app'));
