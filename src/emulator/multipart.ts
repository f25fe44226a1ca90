import { badRequest } from './http-failure.js';

/** One part of a multipart/form-data body. */
export interface FormPart {
  /** The form field name; for CML's UploadFile, the destination path. */
  readonly name: string;
  readonly filename: string | undefined;
  readonly data: Buffer;
}

/**
 * Splits a multipart/form-data body into its parts.
 * @throws HttpFailure 400 when the content type has no boundary or a part has no name.
 */
export function parseMultipart(contentType: string, body: Buffer): FormPart[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) throw badRequest('multipart body without a boundary');
  const delimiter = Buffer.from(`--${mark}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next === -1) break;
    const chunk = body.subarray(afterDelimiter + 2, next - 2); // drop the CRLFs around the part
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd !== -1)
      parts.push(readPart(chunk.subarray(0, headerEnd).toString('utf8'), chunk.subarray(headerEnd + 4)));
    start = next;
  }
  return parts;
}

function readPart(headers: string, data: Buffer): FormPart {
  const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw badRequest('multipart part without a field name');
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  return {
    name: decodeName(name),
    filename: filename === undefined ? undefined : decodeName(filename),
    data,
  };
}

/** Browsers and undici escape quotes and newlines in names as %22 / %0A. */
function decodeName(name: string): string {
  return name.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}
