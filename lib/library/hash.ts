/** FNV-1a, 52 bits in base 36: a short stable id from text of any length or alphabet. */
export function shortHash(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return (h >> 12n).toString(36);
}
