# Where MaskLab's binaries find LibTorch at run time, and what an installed MaskLab carries.
#
# MaskLab builds against the LibTorch inside a PyTorch wheel (torch/lib of a virtual
# environment). The build tree's binaries reach it through their RPATH (CMake adds the folders of
# the libraries they link), so they run outside the venv. torch's own libraries find the NVIDIA
# libraries of the wheel's nvidia-* packages through their RPATH ($ORIGIN/../../nvidia/...).
#
# An install (and the Debian package) copies torch/lib and, for a CUDA wheel, the nvidia/
# folder beside it into <libdir>/masklab/, in the same relative layout, so that RPATH keeps
# working there: <libdir>/masklab/torch/lib and <libdir>/masklab/nvidia/...

get_filename_component(MASKLAB_TORCH_LIBDIR "${TORCH_LIBRARY}" DIRECTORY)
get_filename_component(MASKLAB_TORCH_SITE "${MASKLAB_TORCH_LIBDIR}/../.." ABSOLUTE)
set(MASKLAB_TORCH_HAS_CUDA OFF)
if(TARGET torch_cuda OR EXISTS "${MASKLAB_TORCH_LIBDIR}/libtorch_cuda.so")
  set(MASKLAB_TORCH_HAS_CUDA ON)
endif()

# A CUDA wheel brings its own CUDA runtime, cuBLAS, cuDNN and NCCL (nvidia/*/lib), newer than or
# different from the toolkit's. Link and run against those: the toolkit's libnccl.so.2 lacks
# symbols libtorch_cuda needs, and a second libcudart would shadow the one torch was built with.
if(MASKLAB_TORCH_HAS_CUDA)
  file(GLOB masklab_nvidia_libdirs LIST_DIRECTORIES true "${MASKLAB_TORCH_SITE}/nvidia/*/lib")
  foreach(dir IN LISTS masklab_nvidia_libdirs)
    add_link_options("LINKER:-rpath-link,${dir}")
  endforeach()
  list(APPEND CMAKE_BUILD_RPATH ${masklab_nvidia_libdirs})
  file(GLOB masklab_wheel_cudart "${MASKLAB_TORCH_SITE}/nvidia/*/lib/libcudart.so.*")
  file(GLOB masklab_wheel_nvrtc "${MASKLAB_TORCH_SITE}/nvidia/*/lib/libnvrtc.so.*")
  if(masklab_wheel_cudart AND TARGET torch::cudart)
    set_property(TARGET torch::cudart PROPERTY INTERFACE_LINK_LIBRARIES ${masklab_wheel_cudart})
    # The headers stay the toolkit's (the wheel ships no nvcc), for c10::cuda and ATen/cuda.
    set_property(TARGET torch::cudart PROPERTY INTERFACE_INCLUDE_DIRECTORIES ${CUDAToolkit_INCLUDE_DIRS})
  endif()
  if(masklab_wheel_nvrtc AND TARGET caffe2::nvrtc)
    set_property(TARGET caffe2::nvrtc PROPERTY INTERFACE_LINK_LIBRARIES ${masklab_wheel_nvrtc})
  endif()
endif()
message(STATUS "MaskLab: LibTorch ${Torch_VERSION} in ${MASKLAB_TORCH_LIBDIR} (CUDA: ${MASKLAB_TORCH_HAS_CUDA})")

option(MASKLAB_BUNDLE_TORCH "Install the LibTorch (and NVIDIA libraries) MaskLab was built against" ON)

set(MASKLAB_TORCH_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/masklab/torch/lib")
if(MASKLAB_BUNDLE_TORCH)
  # Installed executables look in <prefix>/<libdir>/masklab/torch/lib beside <prefix>/bin.
  file(RELATIVE_PATH masklab_bin_to_torch "/${CMAKE_INSTALL_BINDIR}" "/${MASKLAB_TORCH_INSTALL_DIR}")
  set(CMAKE_INSTALL_RPATH "$ORIGIN/${masklab_bin_to_torch}")
  file(GLOB masklab_torch_libs "${MASKLAB_TORCH_LIBDIR}/*.so*")
  # libtorch_python is the Python extension's and needs libpython.
  list(FILTER masklab_torch_libs EXCLUDE REGEX "libtorch_python|libshm")
  install(FILES ${masklab_torch_libs} DESTINATION "${MASKLAB_TORCH_INSTALL_DIR}")
  if(MASKLAB_TORCH_HAS_CUDA AND IS_DIRECTORY "${MASKLAB_TORCH_SITE}/nvidia")
    install(DIRECTORY "${MASKLAB_TORCH_SITE}/nvidia/" DESTINATION "${CMAKE_INSTALL_LIBDIR}/masklab/nvidia"
            FILES_MATCHING PATTERN "*.so*" PATTERN "include" EXCLUDE PATTERN "__pycache__" EXCLUDE)
  endif()
endif()
