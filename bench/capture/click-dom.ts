// A realistic storefront listing page for bench/capture/click.ts: header and navigation,
// a search form, 48 product cards (image, linked title, price, rating, add-to-cart button,
// commerce data attributes), filters and a footer: about 1,500 elements. Targets carry
// `data-bench-target`. The page's own script stops link navigation (as an SPA router
// does), handles the search form in script, and updates a cart badge on add-to-cart.

const card = (i: number): string => `
  <li class="product-grid__item" data-sl-product-impression data-sl-product-id="sku-${i}" data-sl-name="Product ${i}" data-sl-price="${(19 + i * 3.5).toFixed(2)}" data-sl-position="${i + 1}">
    <article class="product-card product-card--${i % 3 ? 'standard' : 'featured'}">
      <a class="product-card__link" href="/products/sku-${i}" data-sl-commerce="product-clicked" data-bench-target>
        <div class="product-card__media"><img src="data:," alt="Product ${i}" width="240" height="240"></div>
        <h3 class="product-card__title">Trail runner ${i} <span class="badge">new</span></h3>
      </a>
      <div class="product-card__meta">
        <span class="price"><span class="price__currency">€</span><span class="price__value" data-bench-target>${(19 + i * 3.5).toFixed(2)}</span></span>
        <span class="rating" aria-label="4.5 stars">★★★★☆ <small>(${i * 7})</small></span>
      </div>
      <button class="btn btn--primary add-to-cart" type="button" data-sl-commerce="product-added" data-bench-target>Add to cart</button>
      <p class="product-card__desc" data-bench-target>Lightweight, breathable and ready for long days on rough ground.</p>
    </article>
  </li>`;

/** The page's HTML, loading /bench.js. */
export function storefrontHtml(): string {
  const nav = Array.from({ length: 12 }, (_, i) => `<li class="nav__item"><a class="nav__link" href="/c/${i}" data-bench-target>Category ${i}</a></li>`).join('');
  const filters = Array.from({ length: 20 }, (_, i) => `<label class="filter"><input type="checkbox" name="f${i}"> Filter ${i}</label>`).join('');
  const footer = Array.from({ length: 30 }, (_, i) => `<li><a href="/info/${i}" data-bench-target>Info ${i}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shoes – Bench Shop</title></head><body>
  <header class="site-header"><a class="logo" href="/">Bench Shop</a>
    <nav class="nav"><ul class="nav__list">${nav}</ul></nav>
    <form class="search" role="search"><input type="search" name="q" placeholder="Search"><button type="submit" data-bench-target>Search</button></form>
    <a class="cart-link" href="/cart" data-bench-target>Cart <span class="cart-count">0</span></a>
  </header>
  <main class="page"><aside class="filters">${filters}</aside>
    <section class="listing"><h1>Trail running shoes</h1>
      <ul class="product-grid" data-sl-list-id="trail-shoes">${Array.from({ length: 48 }, (_, i) => card(i)).join('')}</ul>
    </section>
  </main>
  <footer class="site-footer"><ul class="footer__links">${footer}</ul></footer>
  <script>
    document.addEventListener('submit', function (e) { e.preventDefault(); });
    document.addEventListener('click', function (e) {
      var link = e.target.closest('a');
      if (link) e.preventDefault();
      if (e.target.closest('.add-to-cart')) { var c = document.querySelector('.cart-count'); c.textContent = String(Number(c.textContent) + 1); }
    });
  </script>
  <script src="/bench.js"></script></body></html>`;
}
