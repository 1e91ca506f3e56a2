import { err, ok, type Result } from '../../src-shared/api/result';
import { normalizeDocument, type DocumentType } from '../../src-shared/domain/identity-document';
import { walletOwnerRef } from '../../src-shared/wallet/liquidation';

/** A wallet's identification as stored: the type and the normalised number (a NIT with its verified DV). */
export interface Identification {
  readonly docType: DocumentType;
  readonly docNumber: string;
  /** `CC 1020304050`: the wallet's ledger owner and the throttle's key. */
  readonly ref: string;
}

/** What the citizen typed → the identification, or the Spanish reason it is not one (letters in a CC, a wrong DV). */
export function identification(docType: DocumentType, typed: string): Result<Identification> {
  const number = normalizeDocument(docType, typed);
  if (!number.ok) return number;
  return ok({ docType, docNumber: number.value, ref: walletOwnerRef(docType, number.value) });
}

/** A persona jurídica is identified by its NIT (the guide: «indique el número del NIT incluyendo el dígito de verificación»). */
export function checkPersonKind(id: Identification, personKind: 'natural' | 'juridica'): Result<null> {
  if (personKind === 'juridica' && id.docType !== 'NIT')
    return err(
      'validation',
      'Una persona jurídica se identifica con su NIT, incluido el dígito de verificación.',
      'docType',
    );
  return ok(null);
}
