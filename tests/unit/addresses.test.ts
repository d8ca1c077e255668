/** Names inside addresses and copyright lines (core/addresses.ts, core/page-chrome.ts). */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../core/find-mentions';

const found = (text: string) => findMentions(text).map((m) => `${m.entity}:${m.text}`);

describe('addresses are not mentions', () => {
  it('leaves out domains and URLs', () => {
    expect(found('OpenAI says its arm becomes a PBC (openai.com)')).toEqual(['openai:OpenAI']);
    expect(found('Webcast live at spacex.com/launches and on the SpaceX app')).toEqual([
      'spacex:SpaceX',
    ]);
    expect(found('"Announcing xAI". x.ai. Retrieved July 13, 2023.')).toEqual(['xai:xAI']);
    expect(found('Apply at neuralink.com/careers')).toEqual([]);
  });

  it('leaves out e-mail addresses', () => {
    expect(found('Stoke Space media: press@stokespace.com, ir@stokespace.com')).toEqual([
      'stoke-space:Stoke Space',
    ]);
  });

  it('leaves out handles squashed from a name, and keeps one that is the name as written', () => {
    expect(found('Elon Musk @elonmusk · Jan 3')).toEqual(['elon-musk:Elon Musk']);
    expect(found('love that @stokespace is hot-firing its engine')).toEqual([]);
    expect(found('Replying to @SpaceX')).toEqual(['spacex:SpaceX']);
    expect(found('RT @neuralink: we are hiring')).toEqual(['neuralink:neuralink']);
  });

  it('keeps the names and their legal forms in prose', () => {
    expect(found('xAI (legally X.AI Corp.) was founded by Elon Musk.')).toEqual([
      'xai:xAI',
      'xai:X.AI Corp.',
      'elon-musk:Elon Musk',
    ]);
    expect(found('OpenAI. The company said SpaceX.')).toEqual(['openai:OpenAI', 'spacex:SpaceX']);
  });
});

describe('copyright lines are page chrome', () => {
  it('leaves out the owner a copyright notice names', () => {
    expect(found('Terms | Privacy | © 2025 X Corp.')).toEqual([]);
    expect(found('Copyright (c) 2019–2025 OpenAI. All rights reserved.')).toEqual([]);
    expect(found('Musk merged xAI with X Corp. in 2025.')).toEqual([
      'elon-musk:Musk',
      'xai:xAI',
      'x-twitter:X Corp.',
    ]);
  });
});
