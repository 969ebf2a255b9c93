import type { AllmendeDoc } from '@allmende/elements';
import { useEffect, useRef, useState } from 'react';

type View = 'doc' | 'sheet' | 'calendar';

const VIEWS: ReadonlyArray<{ readonly id: View; readonly label: string }> = [
  { id: 'doc', label: 'Minutes' },
  { id: 'sheet', label: 'Budget' },
  { id: 'calendar', label: 'Calendar' },
];

/** The relay that serves this app also syncs its documents. */
const relay = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

/** A host app with its own navigation and user, embedding the three elements. */
export function App() {
  const [view, setView] = useState<View>('doc');
  const [name, setName] = useState(() => localStorage.getItem('allmende-react-name') ?? 'Guest');
  const [edits, setEdits] = useState(0);
  const [status, setStatus] = useState('');
  const doc = useRef<AllmendeDoc>(null);

  useEffect(() => localStorage.setItem('allmende-react-name', name), [name]);

  // The element's connection state is a property; read it after each render and on a timer.
  useEffect(() => {
    const read = () => setStatus(doc.current?.status ?? '');
    read();
    const timer = setInterval(read, 500);
    return () => clearInterval(timer);
  }, [view]);

  return (
    <div className="app">
      <header>
        <h1>Allmende in React</h1>
        <nav aria-label="Files">
          {VIEWS.map((item) => (
            <button key={item.id} type="button" aria-pressed={view === item.id} onClick={() => setView(item.id)}>
              {item.label}
            </button>
          ))}
        </nav>
        <label>
          Your name <input value={name} onChange={(event) => setName(event.target.value)} />
        </label>
      </header>
      <main>
        {view === 'doc' && (
          <>
            <p className="info" data-testid="doc-info">
              {edits} {edits === 1 ? 'edit' : 'edits'} by you · connection: {status || '…'}
            </p>
            <allmende-doc ref={doc} relay={relay} document="react/minutes" userName={name} onallmende-change={() => setEdits((count) => count + 1)} />
          </>
        )}
        {view === 'sheet' && <allmende-sheet relay={relay} document="react/budget" userName={name} />}
        {view === 'calendar' && <allmende-calendar relay={relay} document="react/calendar" userName={name} />}
      </main>
    </div>
  );
}
