// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cleanUrl } from '@/lib/url/tracking';

describe('cleanUrl', () => {
  it('drops tracking parameters and fragments, keeps the rest', () => {
    expect(cleanUrl('https://x.example/a?utm_medium=s&gclid=1&page=2&mc_cid=z#c')).toBe('https://x.example/a?page=2');
  });
  it('refuses non-http URLs', () => {
    expect(cleanUrl('javascript:alert(1)')).toBeNull();
  });
});
