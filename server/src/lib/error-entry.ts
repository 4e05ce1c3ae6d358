/** One catalogue entry: the HTTP status a code maps to and its message in both languages. */
export interface ErrorEntry {
  status: number;
  fa: string;
  en: string;
}
export type ErrorEntries = Record<string, ErrorEntry>;
