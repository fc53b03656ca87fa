// Keeps API keys out of anything a user sees or a log records.

const keyLikePatterns = [/\bsk-[A-Za-z0-9_*.-]{6,}/g, /\bBearer\s+[A-Za-z0-9_.~+/=-]{8,}/gi];

/**
 * Replaces each known secret with `[redacted]`, and unless `keyShaped` is false also anything shaped like an API key
 * (servers echo masked keys in their 401 messages).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = [], keyShaped = true): string {
  let result = text;
  for (const secret of secrets) {
    // Short values such as a placeholder key would blank out ordinary words.
    if (secret && secret.length >= 8) result = result.split(secret).join('[redacted]');
  }
  if (keyShaped) for (const pattern of keyLikePatterns) result = result.replace(pattern, '[redacted]');
  return result;
}
