// The JSON form of an SDK output type, as evidence records store it (toPlainResponse): `$metadata`
// dropped, Dates as ISO strings, byte arrays as base64 strings; everything else unchanged.
export type Jsonified<T> = T extends Date | Uint8Array
  ? string
  : T extends readonly (infer E)[]
    ? Jsonified<E>[]
    : T extends object
      ? { [K in keyof T as K extends '$metadata' ? never : K]: Jsonified<T[K]> }
      : T;
