// Line starts and ends by VS Code's rule (`\r\n`, `\n`, a lone `\r`), computed independently of the engine's
// TextPositions: the oracle the fix-safety test and the fuzz script check the engine's ranges against.

export interface LineTable {
  starts: number[];
  ends: number[];
}

export function lineTable(text: string): LineTable {
  const starts = [0];
  const ends: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 10 && code !== 13) continue;
    ends.push(index);
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    starts.push(index + 1);
  }
  ends.push(text.length);
  return { starts, ends };
}
