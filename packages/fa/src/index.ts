// Persian-language and Iran-specific helpers shared by the server and the web app. Pure and
// browser-safe: no Node APIs, no I/O, no global state beyond a cached Intl formatter.
export * from './digits.ts';
export * from './text.ts';
export * from './identifiers.ts';
export * from './fake-identifiers.ts';
export * from './money.ts';
export * from './money-words.ts';
export * from './jalali.ts';
