// Keeps the end of a streaming run document in view, as a terminal does, until the user scrolls up to read.
//
// Run documents open as Markdown source, not as the rendered preview: the answer is streamed text the user selects,
// copies and inserts, which the preview does not allow, and the Markdown preview follows its source editor's scrolling
// (markdown.preview.scrollPreviewWithEditor), so opening it beside the source (Ctrl+K V) follows the stream too.
import vscode = require('vscode');
import { Disposable } from '../base/disposable';
import { RUN_SCHEME, type RunStore } from './runStore';

export class RunDocumentFollower extends Disposable {
  /** Editors whose user scrolled away from the end; they are left where the user put them. */
  private readonly scrolledAway = new WeakSet<vscode.TextEditor>();
  /** The last line each editor showed: a reveal only ever moves it down, so a move up is the user's. */
  private readonly lastVisibleLine = new WeakMap<vscode.TextEditor, number>();

  constructor(private readonly store: RunStore) {
    super();
    this._register(vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.scheme === RUN_SCHEME) this.followEnd(event.document);
    }));
    this._register(vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor, visibleRanges }) => {
      if (textEditor.document.uri.scheme !== RUN_SCHEME) return;
      const lastVisible = visibleRanges.at(-1)?.end.line ?? 0;
      const before = this.lastVisibleLine.get(textEditor) ?? 0;
      this.lastVisibleLine.set(textEditor, lastVisible);
      if (lastVisible >= textEditor.document.lineCount - 2) this.scrolledAway.delete(textEditor);
      else if (lastVisible < before && this.store.fromUri(textEditor.document.uri)?.status === 'running') this.scrolledAway.add(textEditor);
    }));
  }

  private followEnd(document: vscode.TextDocument): void {
    const end = new vscode.Position(document.lineCount - 1, 0);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document || this.scrolledAway.has(editor)) continue;
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.Default);
    }
  }
}
