/** Saves `blob` as a file named `name` through the browser's download path, as a link click does. */
export function downloadBlob(name: string, blob: Blob): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  // The download has started by the next task; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
