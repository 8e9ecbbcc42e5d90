/** The fields of a catalog product the session generator uses. */
export interface CatalogProduct {
  id: string;
  name: string;
  category: string;
  /** Merchandising rank: lower is shown first and sells more. */
  rank: number;
}

// The browser's own catalog module (plain JS, no DOM), so the model's item ids are the
// shop's product ids by construction. A computed specifier keeps TypeScript from wanting
// declarations for a .js file outside its project.
const CATALOG_URL = new URL('../public/js/data/catalog.js', import.meta.url).href;

/** Loads the storefront's 48 products, in catalog order. */
export async function loadCatalog(): Promise<CatalogProduct[]> {
  const catalog = (await import(CATALOG_URL)) as { PRODUCTS: CatalogProduct[] };
  return catalog.PRODUCTS.map(({ id, name, category, rank }) => ({ id, name, category, rank }));
}
