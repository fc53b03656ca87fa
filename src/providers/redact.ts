// Keeps API keys out of anything a user sees or a log records.

const keyLikePatterns = [/\bsk-[A-Za-z0-9_*.-]{6,}/g, /\bBearer\s+[A-Za-z0-9_.~+/=-]{8,}/gi];

/**
 * Replaces each known secret with `[redacted]`, and unless `keyShaped` is false also anything shaped like an API key
 * (servers echo masked keys in their 401 messages).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = [], keyShaped = true): string {
  let result = text;
  // Every configured key, however short: a short key is still the user's key. Longest first, so a key that contains
  // another is not left half shown.
  for (const secret of knownSecrets(secrets)) result = result.split(secret).join('[redacted]');
  if (keyShaped) for (const pattern of keyLikePatterns) result = result.replace(pattern, '[redacted]');
  return result;
}

/** The non-empty secrets, longest first. */
export function knownSecrets(secrets: readonly (string | undefined)[]): string[] {
  return secrets.filter((secret): secret is string => !!secret).sort((a, b) => b.length - a.length);
}

/**
 * How much of the end of `text` to hold back before showing it, because the next piece of a stream may complete a
 * secret there: the longest end that begins a secret, widened to the start of any whole secret it cuts through.
 */
export function secretTailLength(text: string, secrets: readonly (string | undefined)[]): number {
  const known = knownSecrets(secrets);
  let cut = text.length;
  for (const secret of known) {
    for (let length = Math.min(secret.length - 1, text.length); length > 0; length--) {
      if (text.endsWith(secret.slice(0, length))) {
        cut = Math.min(cut, text.length - length);
        break;
      }
    }
  }
  // A whole secret that starts before the cut and ends after it would otherwise be shown in part.
  for (let moved = true; moved;) {
    moved = false;
    for (const secret of known) {
      const start = text.lastIndexOf(secret, cut - 1);
      if (start !== -1 && start < cut && start + secret.length > cut) {
        cut = start;
        moved = true;
      }
    }
  }
  return text.length - cut;
}
