/** Stable id from a name: "Walt Disney" -> "walt-disney", "L'Oréal" -> "l-oreal", "AT&T" -> "at-and-t". */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
