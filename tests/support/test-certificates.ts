import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Throw-away certificate authorities and server certificates for the TLS tests, made with the
 * `openssl` command (node:crypto reads X.509 certificates but cannot issue them; Debian's
 * openssl is on every machine that runs PostgreSQL, and .ci/run installs it). EC P-256 keys:
 * quick to make, so each test file makes its own in its temp dir.
 */
export interface TestCa {
  readonly name: string;
  /** The CA's certificate, what a device gets in VENTANILLA_SERVER_CA. */
  readonly certFile: string;
  readonly keyFile: string;
}

export interface TestServerCertificate {
  /** PEM files for VENTANILLA_TLS_CERT and VENTANILLA_TLS_KEY. */
  readonly certFile: string;
  readonly keyFile: string;
  readonly cert: Buffer;
  readonly key: Buffer;
}

function openssl(args: readonly string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makeTestCa(dir: string, name: string): TestCa {
  const keyFile = path.join(dir, `${name}-ca.key`);
  const certFile = path.join(dir, `${name}-ca.pem`);
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', keyFile], dir);
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      keyFile,
      '-sha256',
      '-days',
      '2',
      '-subj',
      `/O=Ventanilla pruebas/CN=${name} CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      certFile,
    ],
    dir,
  );
  return { name, certFile, keyFile };
}

/** A server certificate signed by `ca` for the given names (default: this machine's loopback). */
export function makeServerCertificate(
  dir: string,
  ca: TestCa,
  name: string,
  altNames = 'IP:127.0.0.1,DNS:localhost',
): TestServerCertificate {
  const keyFile = path.join(dir, `${name}.key`);
  const csrFile = path.join(dir, `${name}.csr`);
  const certFile = path.join(dir, `${name}.pem`);
  const extFile = path.join(dir, `${name}.ext`);
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', keyFile], dir);
  openssl(['req', '-new', '-key', keyFile, '-subj', `/O=Ventanilla pruebas/CN=${name}`, '-out', csrFile], dir);
  writeFileSync(
    extFile,
    `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${altNames}\n`,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      csrFile,
      '-CA',
      ca.certFile,
      '-CAkey',
      ca.keyFile,
      '-CAcreateserial',
      '-days',
      '2',
      '-sha256',
      '-extfile',
      extFile,
      '-out',
      certFile,
    ],
    dir,
  );
  return { certFile, keyFile, cert: readFileSync(certFile), key: readFileSync(keyFile) };
}
