/** The dossier page's address names its company: `dossier.html?company=ID`. */

export function dossierAddress(companyId: string | null): `dossier.html${string}` {
  return companyId === null ? 'dossier.html' : `dossier.html?${new URLSearchParams({ company: companyId })}`;
}

/** The company the address names, or null (the index of companies). */
export function companyFromSearch(search: string): string | null {
  const id = new URLSearchParams(search).get('company')?.trim();
  return id ? id : null;
}
