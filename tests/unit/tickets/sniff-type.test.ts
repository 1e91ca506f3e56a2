import { describe, expect, it } from 'vitest';
import { sniffType, typeList } from '../../../src-server/tickets/attachments/sniff-type';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));

describe('ticket attachments: the type is what the first bytes say', () => {
  it('knows PDF, JPEG, PNG and WebP by their signatures', () => {
    expect(sniffType(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(sniffType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe('png');
    expect(sniffType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
  });

  it('refuses what only its name would make a document: an executable, a zip, a page, a script', () => {
    expect(sniffType(bytes('MZ', [0x90, 0, 3, 0]))).toBeNull(); // Windows executable named «factura.pdf»
    expect(sniffType(bytes([0x7f], 'ELF', [2, 1, 1]))).toBeNull();
    expect(sniffType(bytes('PK', [3, 4, 20, 0]))).toBeNull(); // a zip (or an .docx)
    expect(sniffType(bytes('<!DOCTYPE html><script>'))).toBeNull();
    expect(sniffType(bytes('#!/bin/sh\n'))).toBeNull();
  });

  it('refuses a polyglot whose PDF header is not at the first byte, and signatures cut short', () => {
    expect(sniffType(bytes('GIF89a', '%PDF-1.4'))).toBeNull();
    expect(sniffType(bytes(' %PDF-1.4'))).toBeNull();
    expect(sniffType(bytes('%PDF'))).toBeNull();
    expect(sniffType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull(); // a sound file's RIFF
    expect(sniffType(new Uint8Array(0))).toBeNull();
  });

  it('names the allowed types as a citizen reads them', () => {
    expect(typeList(['pdf', 'jpeg', 'png'])).toBe('PDF, JPEG o PNG');
    expect(typeList(['pdf'])).toBe('PDF');
    expect(typeList([])).toBe('');
  });
});
