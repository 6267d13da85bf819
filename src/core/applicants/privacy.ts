import { maskIdNumber, maskPhone } from '../../shared/mask';

/**
 * Masks ID numbers and mobile numbers quoted inside messages (validation messages quote the value they
 * refuse), so problem lists and exported reports never carry them in full.
 */
export function maskInText(s: string): string {
  return s
    .replace(/(?<![0-9A-Za-z])\d{14,17}[\dXx](?![0-9A-Za-z])/g, (m) => maskIdNumber(m))
    .replace(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g, (m) => maskPhone(m));
}

/** 医师资格证书编码 ends with the holder's ID number (domain.md): mask that part like an ID. */
export function maskCertNo(cert: string | null): string | null {
  if (cert === null || cert.length < 18) return cert;
  const tail = cert.slice(-18);
  return /^\d{17}[\dX]$/i.test(tail) ? cert.slice(0, -18) + maskIdNumber(tail) : cert;
}
