/**
 * V8 stores each field of an object's shape in one representation: small integers, doubles, or any
 * value. When the objects of a shape first hold whole numbers in a field and a later one holds a
 * fraction or null there, V8 makes a new shape and rebuilds every object of the old one when it is
 * next touched, about 2 µs each. In a large form whose weights and scores are whole numbers down to a
 * late row, every row's objects are rebuilt once: 84,000 of them in the first check of a
 * 20,000-row form. Making a shape's objects once at load, with every kind of value its fields hold,
 * settles the fields before the first real object is made (test/core/shapes.test.ts counts what a
 * cold check still rebuilds).
 */
export function settleFields(make: (n: number | null) => unknown): void {
  // Kept: a shape no object holds may be dropped by the collector, and made again unsettled.
  KEPT.push(make(1), make(0.5), make(null));
}

const KEPT: unknown[] = [];
