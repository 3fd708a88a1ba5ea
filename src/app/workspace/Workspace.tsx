/**
 * The workspace every lesson and the playground share: clock controls on top; lesson text |
 * manifest editor; a bottom panel with Terminal, Timeline, Logs, Diagram and Files. Panes resize
 * with the mouse or the keyboard (focus a divider, arrow keys); on a phone they become one row of
 * tabs. One simulated cluster per workspace, owned by the session store.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { useSession, type BottomTab } from '../store/session';
import { EditorPane } from '../editor/EditorPane';
import { useMedia, PHONE_QUERY } from '../use-media';
import { ClockControls } from './ClockControls';
import { BOTTOM_TABS, BottomPanelContent } from './BottomPanels';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useWorkspaceShortcuts } from './shortcuts';
import { Tabs } from './Tabs';
import './workspace.css';

export interface WorkspaceProps {
  /** One cluster per workspace: `lesson:shared-volumes`, `playground`. */
  engineKey: string;
  /** Where the editor text is saved (`lesson:shared-volumes:2`, `playground`). */
  docKey: string;
  /** The editor's text when nothing is saved for docKey. */
  initialText: string;
  seed?: number;
  /** The lesson pane's content; absent in the playground. */
  lesson?: ReactNode;
  /** Shown left of the clock (the playground's title). */
  heading?: ReactNode;
}

type PhoneTab = 'lesson' | 'editor' | BottomTab;

export function Workspace({ engineKey, docKey, initialText, seed, lesson, heading }: WorkspaceProps) {
  const openEngine = useSession((s) => s.openEngine);
  const closeEngine = useSession((s) => s.closeEngine);
  const openDocument = useSession((s) => s.openDocument);
  const client = useSession((s) => s.client);
  const bottomTab = useSession((s) => s.bottomTab);
  const setBottomTab = useSession((s) => s.setBottomTab);
  const phone = useMedia(PHONE_QUERY);
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  const [phoneTab, setPhoneTab] = useState<PhoneTab>(lesson ? 'lesson' : 'editor');
  // Tabs mount on first view and then stay mounted (the terminal keeps its screen).
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set(['terminal']));

  useEffect(() => {
    openEngine(engineKey, seed === undefined ? undefined : { seed });
    return () => closeEngine();
  }, [openEngine, closeEngine, engineKey, seed]);
  useEffect(() => openDocument(docKey, initialText), [openDocument, docKey, initialText]);

  useWorkspaceShortcuts(openHelp);

  // runInTerminal / focusTerminal select the Terminal tab: on a phone too.
  useEffect(() => {
    setPhoneTab((cur) => (cur === 'lesson' || cur === 'editor' ? (bottomTab === 'terminal' ? cur : bottomTab) : bottomTab));
  }, [bottomTab]);
  useEffect(() => {
    setSeen((s) => (s.has(bottomTab) ? s : new Set([...s, bottomTab])));
  }, [bottomTab]);
  // `vi FILE` in the terminal opens the file in the editor: show it on a phone.
  const editing = useSession((s) => !!s.editRequest);
  useEffect(() => {
    if (editing) setPhoneTab('editor');
  }, [editing]);

  const lessonPane = lesson ? (
    <section aria-label="Lesson" className="lesson-region">
      {lesson}
    </section>
  ) : null;
  const bottom = (tab: BottomTab) => (seen.has(tab) ? <BottomPanelContent tab={tab} client={client} /> : null);

  const bar = (
    <div className="workspace-bar">
      {heading}
      <ClockControls>
        <button type="button" className="help-button" onClick={openHelp} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
          <span aria-hidden="true">?</span>
          <span className="visually-hidden">Keyboard shortcuts</span>
        </button>
      </ClockControls>
    </div>
  );

  return (
    <div className={`workspace${phone ? ' phone' : ''}`}>
      {bar}
      {phone ? (
        <Tabs<PhoneTab>
          label="Workspace"
          idPrefix="ws"
          className="phone-tabs"
          active={phoneTab}
          onSelect={(k) => {
            setPhoneTab(k);
            if (k !== 'lesson' && k !== 'editor') setBottomTab(k);
          }}
          tabs={[
            ...(lessonPane ? [{ key: 'lesson' as const, label: 'Lesson', content: lessonPane }] : []),
            { key: 'editor' as const, label: 'Editor', content: <EditorPane /> },
            ...BOTTOM_TABS.map((t) => ({ key: t.key, label: t.label, content: bottom(t.key) })),
          ]}
        />
      ) : (
        <Group orientation="vertical" className="ws-rows" id="ws-rows">
          <Panel id="ws-top" defaultSize="62%" minSize="20%">
            <Group orientation="horizontal" className="ws-columns" id="ws-columns">
              {lessonPane && (
                <>
                  <Panel id="ws-lesson" defaultSize="38%" minSize="15%">
                    {lessonPane}
                  </Panel>
                  <Separator className="ws-separator vertical" aria-label="Resize lesson and editor" />
                </>
              )}
              <Panel id="ws-editor" minSize="25%">
                <EditorPane />
              </Panel>
            </Group>
          </Panel>
          <Separator className="ws-separator horizontal" aria-label="Resize editor and bottom panel" />
          <Panel id="ws-bottom" defaultSize="38%" minSize="12%">
            <Tabs<BottomTab>
              label="Bottom panel"
              idPrefix="bottom"
              className="bottom-tabs"
              active={bottomTab}
              onSelect={setBottomTab}
              tabs={BOTTOM_TABS.map((t) => ({ key: t.key, label: t.label, content: bottom(t.key) }))}
            />
          </Panel>
        </Group>
      )}
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
