/**
 * A protobuf reader, enough for ONNX graphs (whose models onnxruntime-node runs but does not let
 * us read): the fields of one message, nested messages read by calling it again on their bytes.
 */

export interface ProtobufField {
  field: number;
  wire: number;
  value: number;
  bytes?: Uint8Array;
}

/** A message this reader cannot follow: truncated, or a wire type it does not know. */
export class ProtobufError extends Error {
  constructor(
    readonly reason: 'truncated' | 'wire_type',
    message: string,
  ) {
    super(message);
  }
}

/** Every field of one protobuf message, in order; length-delimited ones keep their bytes. */
export function protobufFields(b: Uint8Array): ProtobufField[] {
  const out: ProtobufField[] = [];
  let i = 0;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const varint = (): number => {
    let v = 0;
    let shift = 1;
    for (;;) {
      if (i >= b.length) throw new ProtobufError('truncated', 'truncated varint');
      const byte = b[i++]!;
      v += (byte & 0x7f) * shift;
      if (byte < 0x80) return v;
      shift *= 128;
    }
  };
  while (i < b.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) out.push({ field, wire, value: varint() });
    else if (wire === 1) {
      if (i + 8 > b.length) throw new ProtobufError('truncated', 'truncated fixed64');
      out.push({ field, wire, value: view.getFloat64(i, true) });
      i += 8;
    } else if (wire === 5) {
      if (i + 4 > b.length) throw new ProtobufError('truncated', 'truncated fixed32');
      out.push({ field, wire, value: view.getFloat32(i, true) });
      i += 4;
    } else if (wire === 2) {
      const len = varint();
      if (i + len > b.length) throw new ProtobufError('truncated', 'truncated field');
      out.push({ field, wire, value: len, bytes: b.subarray(i, i + len) });
      i += len;
    } else throw new ProtobufError('wire_type', `wire type ${wire}`);
  }
  return out;
}

/** The values of a packed repeated varint field. */
export function packedVarints(b: Uint8Array): number[] {
  const out: number[] = [];
  let v = 0;
  let shift = 1;
  for (const byte of b) {
    v += (byte & 0x7f) * shift;
    if (byte < 0x80) {
      out.push(v);
      v = 0;
      shift = 1;
    } else shift *= 128;
  }
  return out;
}

/** A string or bytes field as text; an absent field is the empty string. */
export const protobufText = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : '');
