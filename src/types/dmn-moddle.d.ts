declare module 'dmn-moddle' {
  export class DmnModdle {
    fromXML(xml: string, type?: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
  }
  export default DmnModdle;
}
