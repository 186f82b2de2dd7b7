// Reads a zip back with yauzl (the reader `proofline verify` uses), strictly: file names and entry sizes checked.
import yauzl from 'yauzl';

/** The data of every entry `wanted` accepts (default: all), by name; entries not wanted are listed with no data read. */
export async function readZip(path: string, wanted: (name: string) => boolean = () => true): Promise<Map<string, Buffer | undefined>> {
  const zip = await new Promise<yauzl.ZipFile>((ok, fail) => yauzl.open(path, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, z) => (err ? fail(err) : ok(z!))));
  const out = new Map<string, Buffer | undefined>();
  await new Promise<void>((done, fail) => {
    zip.on('error', fail);
    zip.on('end', () => done());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!wanted(entry.fileName)) {
        out.set(entry.fileName, undefined);
        return zip.readEntry();
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) return fail(err);
        const chunks: Buffer[] = [];
        stream!.on('data', (c: Buffer) => chunks.push(c));
        stream!.on('error', fail);
        stream!.on('end', () => {
          out.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  zip.close();
  return out;
}
