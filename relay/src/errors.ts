/** What an error may say in a log: its code and the server's reply, never the message's content. */
export function errorSummary(error: unknown) {
  const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  // Mail servers quote the recipient in their refusals: addresses are cut out.
  return {
    code,
    responseCode,
    message: typeof message === 'string' ? message.replace(/[^\s<>@]+@[^\s<>]+/g, '<address>').slice(0, 300) : undefined,
  };
}
