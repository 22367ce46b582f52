import { useState } from 'react';
import { AdminScreen } from './admin/admin-screen.tsx';
import { config } from './config.ts';
import { ManagerApp } from './components/manager-app.tsx';
import { SignInScreen } from './components/sign-in-screen.tsx';
import { useRoute } from './routing/use-route.ts';
import { createSessionStore, type Session } from './session/session-store.ts';

const sessions = createSessionStore(typeof localStorage === 'undefined' ? undefined : localStorage, config.sessionKey);

/** Everything here is for the remembered manager or admin token; the tracker is its own page (tracker.html). */
export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | undefined>(() => sessions.load());

  const signIn = (next: Session) => {
    sessions.save(next);
    setSession(next);
  };
  const signOut = () => {
    sessions.clear();
    setSession(undefined);
  };
  if (!session) return <SignInScreen onSignIn={signIn} />;
  if (session.role === 'admin') return <AdminScreen token={session.token} onSignOut={signOut} />;
  return <ManagerApp session={session} route={route} onSignOut={signOut} />;
}
