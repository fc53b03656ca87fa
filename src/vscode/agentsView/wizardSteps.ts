// A multi-step quick input: each step shows "step/total" and a Back button, as VS Code's own wizards do.
import vscode = require('vscode');

export const back = Symbol('back');
export const cancelled = Symbol('cancelled');
export type StepAnswer<T> = T | typeof back | typeof cancelled;

export interface StepPosition {
  title: string;
  step: number;
  totalSteps: number;
}

export interface InputStep extends StepPosition {
  prompt: string;
  placeholder?: string;
  value?: string;
  validate(value: string): vscode.InputBoxValidationMessage | string | undefined;
}

export function askText(options: InputStep): Promise<StepAnswer<string>> {
  const input = vscode.window.createInputBox();
  Object.assign(input, { title: options.title, step: options.step, totalSteps: options.totalSteps, prompt: options.prompt, placeholder: options.placeholder, value: options.value ?? '', ignoreFocusOut: true });
  if (options.step > 1) input.buttons = [vscode.QuickInputButtons.Back];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: StepAnswer<string>) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      input.dispose();
    };
    input.onDidChangeValue((value) => (input.validationMessage = options.validate(value)));
    input.onDidAccept(() => {
      const problem = options.validate(input.value);
      const blocking = typeof problem === 'string' || problem?.severity === vscode.InputBoxValidationSeverity.Error;
      if (!blocking) finish(input.value);
    });
    input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(back));
    input.onDidHide(() => finish(cancelled));
    input.show();
    input.validationMessage = options.value ? options.validate(options.value) : undefined;
  });
}

export interface PickStep<T extends vscode.QuickPickItem> extends StepPosition {
  placeholder: string;
  items: readonly T[];
  canPickMany?: boolean;
  /** Items shown as chosen when the step opens (going back keeps the earlier answer). */
  selected?: readonly T[];
}

export function pickItems<T extends vscode.QuickPickItem>(options: PickStep<T>): Promise<StepAnswer<readonly T[]>> {
  const pick = vscode.window.createQuickPick<T>();
  Object.assign(pick, { title: options.title, step: options.step, totalSteps: options.totalSteps, placeholder: options.placeholder, canSelectMany: options.canPickMany ?? false, ignoreFocusOut: true });
  pick.items = options.items;
  if (options.selected?.length) {
    if (options.canPickMany) pick.selectedItems = options.selected;
    else pick.activeItems = options.selected;
  }
  if (options.step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: StepAnswer<readonly T[]>) => {
      if (settled) return;
      settled = true;
      resolve(answer);
      pick.dispose();
    };
    pick.onDidAccept(() => finish(options.canPickMany ? pick.selectedItems : pick.activeItems.slice(0, 1)));
    pick.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && finish(back));
    pick.onDidHide(() => finish(cancelled));
    pick.show();
  });
}
