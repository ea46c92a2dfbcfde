// A self-signed certificate for nginx's HTTPS in the deploy check, made with openssl.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findTool } from '../../tests/support/systemTools.js';

/** cert.pem and key.pem in `folder`: 127.0.0.1 and localhost, valid one day. */
export function selfSignedCertificate(folder: string): { cert: string; key: string } {
  const cert = join(folder, 'cert.pem');
  const key = join(folder, 'key.pem');
  const args = [
    'req',
    '-x509',
    '-nodes',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '1',
  ];
  execFileSync(findTool('openssl'), [...args, '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return { cert, key };
}
