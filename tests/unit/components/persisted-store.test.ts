import { describe, expect, it, vi } from 'vitest';
import { persistedText } from '../../../src/components/widgets/persisted-store.ts';
import { MemoryStorage } from './memory-storage.ts';

const storageEvent = (key: string | null) => Object.assign(new Event('storage'), { key });

describe('a persisted text', () => {
  it('reads back what it wrote, under its key', () => {
    const storage = new MemoryStorage();
    const saved = persistedText('keyport:test', { storage, events: null });
    expect(saved.read()).toBeNull();
    expect(saved.write('local')).toBe(true);
    expect(saved.read()).toBe('local');
    expect(storage.getItem('keyport:test')).toBe('local');
    expect(saved.persistent()).toBe(true);
  });

  it('hears another tab change or clear its entry, and nothing else', () => {
    const events = new EventTarget();
    const onChange = vi.fn();
    const stop = persistedText('keyport:test', { storage: new MemoryStorage(), events }).watch(onChange);
    events.dispatchEvent(storageEvent('keyport:other'));
    expect(onChange).not.toHaveBeenCalled();
    events.dispatchEvent(storageEvent('keyport:test'));
    events.dispatchEvent(storageEvent(null));
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    events.dispatchEvent(storageEvent('keyport:test'));
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('says when the browser refuses to save, and stops trying', () => {
    const storage = new MemoryStorage();
    storage.setItem('keyport:test', 'before');
    storage.refuse = true;
    const saved = persistedText('keyport:test', { storage, events: null });
    expect(saved.write('after')).toBe(false);
    expect(saved.persistent()).toBe(false);
    storage.refuse = false;
    expect(saved.write('again')).toBe(false);
    expect(saved.read()).toBe('before');
  });

  it('keeps nothing when there is no storage, without throwing', () => {
    const saved = persistedText('keyport:test', { storage: null, events: null });
    expect(saved.write('x')).toBe(false);
    expect(saved.read()).toBeNull();
    expect(saved.persistent()).toBe(false);
  });
});
