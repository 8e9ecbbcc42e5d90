/**
 * The shop's catalog, generated deterministically from templates so every run of the
 * storefront (and every e2e test) sees the same 48 products, ids and prices.
 */

/** Categories in display order. */
export const CATEGORIES = [
  { id: 'jackets', name: 'Jackets', blurb: 'Shells, down and everything between' },
  { id: 'packs', name: 'Packs & Bags', blurb: 'Carry more, feel less' },
  { id: 'footwear', name: 'Footwear', blurb: 'From trail to campfire' },
  { id: 'camp', name: 'Camp', blurb: 'Sleep well, eat well' },
  { id: 'apparel', name: 'Apparel', blurb: 'Layers for every mile' },
  { id: 'accessories', name: 'Accessories', blurb: 'Small things that matter' },
];

export const BRANDS = ['Ridgeway', 'Northwind', 'Alder & Ash', 'Tarn Works', 'Cobalt Peak', 'Fernhill'];

export const COLOURS = [
  { name: 'Pine', hex: '#2f5d50' },
  { name: 'Slate', hex: '#4a5868' },
  { name: 'Ember', hex: '#c8553d' },
  { name: 'Glacier', hex: '#6fa3b8' },
  { name: 'Sand', hex: '#cdb48a' },
  { name: 'Charcoal', hex: '#3a3d42' },
  { name: 'Moss', hex: '#7a8b4a' },
  { name: 'Mustard', hex: '#d49b33' },
  { name: 'Plum', hex: '#6d4c6b' },
  { name: 'Navy', hex: '#27385e' },
];

// [name, art, base price, one-line description] per category.
const TEMPLATES = {
  jackets: [
    ['Storm Shell Jacket', 'jacket', 189, 'A three-layer waterproof shell that breathes on the climb and seals out sideways rain.'],
    ['Down Parka', 'parka', 279, '700-fill responsibly sourced down with a storm hood for the coldest bus stops and summits.'],
    ['Trail Windbreaker', 'jacket', 89, 'Featherweight wind protection that packs into its own chest pocket.'],
    ['Insulated Vest', 'vest', 109, 'Synthetic insulation that stays warm when damp, cut to layer under a shell.'],
    ['Softshell Jacket', 'jacket', 149, 'Stretchy, weather-resistant and quiet: the jacket for moving fast in cool air.'],
    ['Packable Puffer', 'parka', 169, 'Warmth for its weight that stuffs into a pocket the size of a grapefruit.'],
    ['Alpine Hardshell', 'jacket', 329, 'Reinforced shoulders and a helmet-compatible hood for serious mountain days.'],
    ['Rain Cape', 'vest', 69, 'Covers you and your pack; ventilated back panel for humid downpours.'],
  ],
  packs: [
    ['Daypack 22L', 'pack', 79, 'A padded laptop sleeve, a hydration port and a lid pocket for the snacks.'],
    ['Trekking Pack 45L', 'pack', 189, 'Adjustable torso length and a suspended mesh back for multi-day loads.'],
    ['Summit Pack 30L', 'pack', 139, 'Stripped-down, ice-axe ready and light enough to forget it is there.'],
    ['Hip Pack', 'hippack', 39, 'Phone, keys, a bar and a map: everything within reach on the trail.'],
    ['Duffel 60L', 'duffel', 119, 'Weatherproof TPU fabric with backpack straps tucked under the lid.'],
    ['Hydration Pack 12L', 'pack', 99, 'A 2-litre reservoir and a bounce-free fit for trail running.'],
    ['Roll-top Pack 28L', 'pack', 129, 'Welded seams and a roll closure keep the contents dry in any weather.'],
    ['Travel Sling', 'hippack', 49, 'Slash-resistant fabric and RFID pocket for city days between trips.'],
  ],
  footwear: [
    ['Trail Runner', 'shoe', 139, 'Grippy lugs and a rock plate, with a roomy toe box for long descents.'],
    ['Hiking Boot Mid', 'boot', 179, 'Waterproof membrane and ankle support without the break-in period.'],
    ['Approach Shoe', 'shoe', 149, 'Sticky rubber toe for scrambling to the crag and walking off.'],
    ['Camp Slipper', 'shoe', 59, 'Quilted and cosy with a tough sole for the walk to the campfire.'],
    ['Winter Boot', 'boot', 219, 'Insulated to −30°C with a lug sole that bites into packed snow.'],
    ['Trek Sandal', 'sandal', 79, 'Adjustable straps and a contoured footbed for river crossings.'],
    ['Leather Hiker', 'boot', 239, 'Full-grain leather that moulds to your foot and lasts for decades.'],
    ['Recovery Clog', 'sandal', 49, 'Soft foam that makes tired feet feel new after a big day.'],
  ],
  camp: [
    ['Two-Person Tent', 'tent', 299, 'Freestanding, two doors, two vestibules and a 20-minute pitch.'],
    ['Ultralight Tent', 'tent', 389, 'Under a kilo with trekking-pole architecture and a bathtub floor.'],
    ['Sleeping Bag −5°C', 'sleepingbag', 229, 'Recycled synthetic fill rated for shoulder-season nights.'],
    ['Sleeping Pad', 'sleepingbag', 119, 'R-value 4.2, inflates in eight breaths and packs to a water bottle.'],
    ['Camp Stove', 'stove', 69, 'Boils a litre in three minutes and folds into its own pot.'],
    ['Cook Set', 'stove', 59, 'Hard-anodised pot, pan and two mugs that nest together.'],
    ['Camp Chair', 'chair', 89, 'A real backrest that packs smaller than a loaf of bread.'],
    ['Lantern', 'lantern', 45, 'Three brightness levels, USB-C charging and 60 hours on low.'],
  ],
  apparel: [
    ['Merino Tee', 'tee', 65, 'Soft 150 g merino that stays fresh through a week of travel.'],
    ['Fleece Pullover', 'hoodie', 95, 'Grid fleece that traps warmth and vents it when you move.'],
    ['Hiking Pants', 'pants', 85, 'Four-way stretch, zip pockets and a gusseted crotch for high steps.'],
    ['Base Layer Crew', 'tee', 55, 'Next-to-skin warmth that moves moisture away on cold mornings.'],
    ['Flannel Shirt', 'tee', 75, 'Brushed organic cotton for cabin evenings and cool starts.'],
    ['Trail Shorts', 'pants', 55, 'Quick-dry with a built-in liner and a zip pocket for your phone.'],
    ['Heavyweight Hoodie', 'hoodie', 89, 'Loopback cotton that gets better with every wash.'],
    ['Running Tights', 'pants', 69, 'Compressive, reflective and with a pocket for a gel.'],
  ],
  accessories: [
    ['Insulated Bottle 750ml', 'bottle', 35, 'Keeps drinks cold for 24 hours or hot for 12. Dishwasher safe.'],
    ['Headlamp 400', 'headlamp', 49, '400 lumens, red night mode and a lock so it never turns on in your pack.'],
    ['Merino Beanie', 'beanie', 29, 'Warm, itch-free and just slouchy enough.'],
    ['Sun Hat', 'beanie', 39, 'UPF 50 with a wide brim and a chin cord for windy ridges.'],
    ['Trekking Poles', 'poles', 99, 'Carbon shafts, cork grips and flick-locks you can work with gloves on.'],
    ['Merino Socks', 'socks', 22, 'Cushioned where it counts, with a lifetime guarantee.'],
    ['Touchscreen Gloves', 'socks', 35, 'Windproof fleece with fingertips that work on your phone.'],
    ['Neck Gaiter', 'beanie', 19, 'Sun, wind and dust protection in one stretchy tube.'],
  ],
};

// mulberry32: a tiny seeded PRNG so brands and colours are stable across runs.
function seeded(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildCatalog() {
  const rand = seeded(20240611);
  const products = [];
  let n = 1001;
  for (const category of CATEGORIES) {
    for (const [name, art, base, description] of TEMPLATES[category.id]) {
      const brand = BRANDS[Math.floor(rand() * BRANDS.length)];
      const colour = COLOURS[Math.floor(rand() * COLOURS.length)];
      // Shop prices end in .95 or .00, like a real price list.
      const price = rand() < 0.5 ? base - 0.05 : base;
      products.push({
        id: `sku-${n}`,
        sku: `SO-${String(n).slice(1)}-${colour.name.slice(0, 3).toUpperCase()}`,
        name,
        category: category.id,
        categoryName: category.name,
        brand,
        price: Math.round(price * 100) / 100,
        colour: colour.name,
        colourHex: colour.hex,
        art,
        description,
        rating: Math.round((3.6 + rand() * 1.4) * 10) / 10,
        reviews: 8 + Math.floor(rand() * 420),
        isNew: rand() < 0.18,
        rank: Math.floor(rand() * 1000),
      });
      n++;
    }
  }
  return products;
}

/** All products, in catalog order. */
export const PRODUCTS = buildCatalog();

/** Returns the product with this id, or undefined. */
export function findProduct(id) {
  return PRODUCTS.find((p) => p.id === id);
}

/** Returns the category record with this id, or undefined. */
export function findCategory(id) {
  return CATEGORIES.find((c) => c.id === id);
}
