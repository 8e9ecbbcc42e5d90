import { vi } from 'vitest';

/** A stand-in IntersectionObserver the spec drives by hand with {@link FakeIntersections.show}. */
export interface FakeIntersections {
  observed: Set<Element>;
  /** Elements `unobserve`d so far. */
  unobserved: Element[];
  /** Reports `elements` as half visible to every observer watching them. */
  show(...elements: Element[]): void;
}

/** Installs the fake as the global IntersectionObserver (vitest unstubs globals after each test). */
export function fakeIntersections(): FakeIntersections {
  const observers = new Set<{ callback: IntersectionObserverCallback; targets: Set<Element>; self: IntersectionObserver }>();
  const fake: FakeIntersections = {
    observed: new Set(),
    unobserved: [],
    show(...elements) {
      for (const o of observers) {
        const entries = elements.filter((el) => o.targets.has(el)).map((target) => ({ target, isIntersecting: true, intersectionRatio: 0.5 }) as unknown as IntersectionObserverEntry);
        if (entries.length) o.callback(entries, o.self);
      }
    },
  };
  class FakeObserver {
    private readonly state: { callback: IntersectionObserverCallback; targets: Set<Element>; self: IntersectionObserver };
    constructor(callback: IntersectionObserverCallback) {
      this.state = { callback, targets: new Set(), self: this as unknown as IntersectionObserver };
      observers.add(this.state);
    }
    observe(el: Element): void {
      this.state.targets.add(el);
      fake.observed.add(el);
    }
    unobserve(el: Element): void {
      this.state.targets.delete(el);
      fake.observed.delete(el);
      fake.unobserved.push(el);
    }
    disconnect(): void {
      for (const el of this.state.targets) fake.observed.delete(el);
      this.state.targets.clear();
    }
  }
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  return fake;
}
