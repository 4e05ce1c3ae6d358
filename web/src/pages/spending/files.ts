// Files travel to the API as base64 inside JSON (at most 5 MB), and come back as downloads.

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.webp,.txt,.doc,.docx,.xls,.xlsx';

export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** What is sent for one file: its name, type (a sensible default when the browser gives none) and content. */
export async function attachmentOf(file: File): Promise<{ fileName: string; contentType: string; contentBase64: string }> {
  return { fileName: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await fileToBase64(file) };
}

/** "1.2 MB", "340 KB". */
export function sizeText(bytes: number, digits: (value: string) => string): string {
  if (bytes >= 1024 * 1024) return digits(`${(bytes / 1024 / 1024).toFixed(1)} MB`);
  return digits(`${Math.max(1, Math.round(bytes / 1024))} KB`);
}
