/* libphonon: the public interface. */
#ifndef PHONON_H
#define PHONON_H

#ifdef __cplusplus
extern "C" {
#endif

const char *phonon_version(void);

#ifdef __cplusplus
}
#endif

#endif
