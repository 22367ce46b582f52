import { courseSchema } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { courseLabel, courses } from './labels.ts';

describe('courses', () => {
  it('offers every course the shared schema accepts, and no other', () => {
    expect(courses).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const c of courses) expect(courseSchema.safeParse(c).success).toBe(true);
    expect(courseSchema.safeParse(courses.length + 1).success).toBe(false);
  });

  it('names the first three courses and numbers the rest', () => {
    expect(courseLabel(2)).toBe('Course 2 · mains');
    expect(courseLabel(9)).toBe('Course 9');
  });
});
