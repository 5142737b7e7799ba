/**
 * The newer Anki format keeps two small things in protobuf messages: the package version (the `meta`
 * file, PackageMetadata in Anki's proto/anki/import_export.proto) and whether a note type is a cloze
 * type (NotetypeConfig.kind, proto/anki/notetypes.proto). Both are top-level varint fields, so this
 * reads just top-level varints and skips every other wire type, rather than pulling in a protobuf
 * runtime and Anki's .proto files for two integers.
 */
export function readVarintField(bytes: Uint8Array, fieldNumber: number): number | null {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length) throw new RangeError("truncated protobuf varint");
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
      if (shift > 63) throw new RangeError("protobuf varint too long");
    }
  };
  while (at < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key & 7;
    if (wire === 0) {
      const value = varint();
      if (field === fieldNumber) return value;
    } else if (wire === 2) {
      at += varint();
    } else if (wire === 1) {
      at += 8;
    } else if (wire === 5) {
      at += 4;
    } else {
      throw new RangeError(`unsupported protobuf wire type ${wire}`);
    }
  }
  return null;
}
