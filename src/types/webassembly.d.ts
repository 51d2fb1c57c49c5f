// The part of the WebAssembly JavaScript API that Arbiter uses. TypeScript declares it only in
// the DOM library, which a Node.js project does not load.
declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer | SharedArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: ArrayBufferView | ArrayBuffer);
  }
  type ExportValue = ((...args: number[]) => number | undefined) | Memory;
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, Memory | ((...args: number[]) => number | undefined)>>);
    readonly exports: Record<string, ExportValue>;
  }
  function validate(bytes: ArrayBufferView | ArrayBuffer): boolean;
}
