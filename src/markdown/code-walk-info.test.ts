import { describe, expect, it } from 'vitest';
import { readWalkInfo } from './code-walk-info.js';

describe('walkthrough options in a fence info string', () => {
  it('Slidev: {lines} after the language, numbers only with lines:true, startLine names shown numbers', () => {
    expect(readWalkInfo('js {1|3-4|6}')).toEqual({ spec: '1|3-4|6', numbers: false, start: 1, specByShownNumber: false, info: 'js' });
    expect(readWalkInfo('ts{2,3}')?.spec).toBe('2,3');
    expect(readWalkInfo('ts {6,7}{lines:true,startLine:5}')).toEqual({
      spec: '6,7',
      numbers: true,
      start: 5,
      specByShownNumber: true,
      info: 'ts',
    });
    expect(readWalkInfo("ts {1|2}{at:3,maxHeight:'100px'}")).toMatchObject({ spec: '1|2', ignored: ['at', 'maxHeight'], info: 'ts' });
    expect(readWalkInfo('ts {2|all} showLineNumbers')).toMatchObject({ spec: '2|all', numbers: true, info: 'ts' });
  });

  it('reveal.js: [1|3-4] and [712: 1-3] are numbered, counted from the block', () => {
    expect(readWalkInfo('js [1|3-4]')).toEqual({ spec: '1|3-4', numbers: true, start: 1, specByShownNumber: false, info: 'js' });
    expect(readWalkInfo('js [712: 1-3|5]')).toMatchObject({ spec: '1-3|5', start: 712, specByShownNumber: false });
  });

  it('Quarto: code-line-numbers as an attribute or a cell option; true/false switch numbers only', () => {
    expect(readWalkInfo('{.python code-line-numbers="|6|9"}')).toEqual({
      spec: '|6|9',
      numbers: true,
      start: 1,
      specByShownNumber: false,
      info: '{.python}',
    });
    expect(readWalkInfo('{.r code-line-numbers="true"}')).toMatchObject({ numbers: true, info: '{.r}' });
    expect(readWalkInfo('js {data-line-numbers="1|3"}')).toMatchObject({ spec: '1|3', numbers: true, info: 'js' });
    expect(readWalkInfo('{.r code-line-numbers="true"}')?.spec).toBeUndefined();
    expect(readWalkInfo('{r}', '#| code-line-numbers: "|1|2"\n1 +\n1\n')).toMatchObject({ spec: '|1|2', numbers: true, info: '{r}' });
  });

  it('line numbers alone: showLineNumbers, .line-numbers, pandoc .numberLines startFrom', () => {
    expect(readWalkInfo('js showLineNumbers')).toMatchObject({ numbers: true, info: 'js' });
    expect(readWalkInfo('js {.line-numbers}')).toMatchObject({ numbers: true, info: 'js' });
    expect(readWalkInfo('{.haskell .numberLines startFrom="100"}')).toMatchObject({ numbers: true, start: 100, info: '{.haskell}' });
  });

  it('leaves other fences alone', () => {
    for (const info of ['js', 'python {.wide}', '{python echo=FALSE}', 'mermaid src="a.mmd"', '{.python}', 'text {#id}', '']) {
      expect(readWalkInfo(info)).toBeUndefined();
    }
  });
});
