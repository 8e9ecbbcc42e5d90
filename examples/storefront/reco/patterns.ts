/**
 * How the simulated shoppers of the storefront browse, by product name (a renamed
 * product fails the build loudly instead of silently dropping out of the model).
 */

/** How often a session starts in each category (camp and jackets sell most). */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  jackets: 1.2,
  packs: 0.9,
  footwear: 1,
  camp: 1.2,
  apparel: 0.8,
  accessories: 0.7,
};

/** A trip a shopper is kitting out for: sessions wander across its products. */
export interface Mission {
  id: string;
  weight: number;
  products: readonly string[];
}

export const MISSIONS: readonly Mission[] = [
  { id: 'camping', weight: 3, products: ['Two-Person Tent', 'Sleeping Bag −5°C', 'Sleeping Pad', 'Camp Stove', 'Cook Set', 'Camp Chair', 'Lantern', 'Headlamp 400', 'Camp Slipper'] },
  { id: 'backpacking', weight: 2, products: ['Trekking Pack 45L', 'Ultralight Tent', 'Sleeping Pad', 'Sleeping Bag −5°C', 'Camp Stove', 'Leather Hiker', 'Trekking Poles', 'Headlamp 400', 'Insulated Vest'] },
  { id: 'day-hike', weight: 3, products: ['Hiking Boot Mid', 'Daypack 22L', 'Merino Socks', 'Trekking Poles', 'Insulated Bottle 750ml', 'Hiking Pants', 'Sun Hat', 'Trail Windbreaker'] },
  { id: 'trail-running', weight: 2, products: ['Trail Runner', 'Hydration Pack 12L', 'Running Tights', 'Trail Shorts', 'Hip Pack', 'Merino Socks', 'Trail Windbreaker', 'Recovery Clog'] },
  { id: 'rain', weight: 2, products: ['Storm Shell Jacket', 'Rain Cape', 'Roll-top Pack 28L', 'Hiking Boot Mid', 'Softshell Jacket', 'Fleece Pullover'] },
  { id: 'winter', weight: 2, products: ['Down Parka', 'Packable Puffer', 'Winter Boot', 'Merino Beanie', 'Touchscreen Gloves', 'Neck Gaiter', 'Base Layer Crew', 'Heavyweight Hoodie'] },
  { id: 'alpine', weight: 1, products: ['Alpine Hardshell', 'Summit Pack 30L', 'Approach Shoe', 'Trekking Poles', 'Base Layer Crew', 'Insulated Vest', 'Headlamp 400'] },
  { id: 'travel', weight: 1.5, products: ['Duffel 60L', 'Travel Sling', 'Merino Tee', 'Flannel Shirt', 'Trek Sandal', 'Heavyweight Hoodie', 'Insulated Bottle 750ml'] },
];

/** What shoppers look at right after a product, strongest first (a tent → a sleeping bag). */
export const COMPLEMENTS: Readonly<Record<string, readonly string[]>> = {
  'Two-Person Tent': ['Sleeping Bag −5°C', 'Sleeping Pad', 'Lantern'],
  'Ultralight Tent': ['Sleeping Pad', 'Sleeping Bag −5°C', 'Trekking Poles'],
  'Sleeping Bag −5°C': ['Sleeping Pad', 'Two-Person Tent', 'Merino Beanie'],
  'Sleeping Pad': ['Sleeping Bag −5°C', 'Ultralight Tent'],
  'Camp Stove': ['Cook Set', 'Lantern', 'Insulated Bottle 750ml'],
  'Cook Set': ['Camp Stove', 'Camp Chair'],
  'Camp Chair': ['Lantern', 'Camp Slipper'],
  'Hiking Boot Mid': ['Merino Socks', 'Trekking Poles', 'Hiking Pants'],
  'Leather Hiker': ['Merino Socks', 'Trekking Poles'],
  'Winter Boot': ['Merino Socks', 'Down Parka', 'Touchscreen Gloves'],
  'Trail Runner': ['Merino Socks', 'Hydration Pack 12L', 'Trail Shorts'],
  'Down Parka': ['Merino Beanie', 'Touchscreen Gloves', 'Winter Boot'],
  'Storm Shell Jacket': ['Fleece Pullover', 'Base Layer Crew', 'Roll-top Pack 28L'],
  'Alpine Hardshell': ['Summit Pack 30L', 'Base Layer Crew', 'Trekking Poles'],
  'Softshell Jacket': ['Base Layer Crew', 'Daypack 22L'],
  'Daypack 22L': ['Insulated Bottle 750ml', 'Headlamp 400', 'Sun Hat'],
  'Trekking Pack 45L': ['Ultralight Tent', 'Sleeping Pad', 'Headlamp 400'],
  'Headlamp 400': ['Lantern', 'Daypack 22L'],
  'Duffel 60L': ['Travel Sling', 'Merino Tee'],
  'Running Tights': ['Trail Runner', 'Base Layer Crew'],
};
