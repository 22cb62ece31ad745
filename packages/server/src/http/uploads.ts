import type { FastifyRequest } from 'fastify';
import { AppError, invalid } from './errors.js';

/**
 * The one file of a multipart request (field `file`), read into memory and refused with 413 past
 * `maxBytes` without reading further. `request.file()` comes from @fastify/multipart (server.ts).
 */
export async function uploadedFile(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new AppError(
      415,
      'validation_failed',
      'Send the file as multipart/form-data, in the field "file"',
      [{ path: 'file', message: 'Not a multipart/form-data request' }],
    );
  }
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw invalid('file', 'No file in the request');
  if (part.fieldname !== 'file') throw invalid('file', 'Send the file in the field "file"');
  try {
    return await part.toBuffer();
  } catch (error) {
    if (error instanceof request.server.multipartErrors.RequestFileTooLargeError) {
      const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
      throw new AppError(413, 'payload_too_large', `The file is larger than ${megabytes} MB`, { maxBytes });
    }
    throw error;
  }
}
